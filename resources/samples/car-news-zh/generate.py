#!/usr/bin/env python3
"""Generate the synthetic Chinese car-news multi-label sample dataset.

Deterministic (fixed seed, Python standard library only): running it again reproduces
train.jsonl, dev.jsonl and test.jsonl byte for byte. Documents are short headlines plus one to
four sentences assembled from templates and vocabulary lists; each template carries the labels
it expresses, so a document's labels follow from what it says. Co-occurring topics (a launch
with its price list), a long tail (a few labels under 1%), distractor sentences that mention
another topic's words without being about it, and a little annotation noise keep models from
being perfect.

Usage: generate.py [--out DIR] [--seed N]
"""

import argparse
import collections
import json
import os
import random
import sys
import tempfile

SEED = 20240517
SPLITS = (("train", 1200), ("dev", 200), ("test", 200))

# brand -> [(model, energy, base price in 10k CNY)]; energy: ev, phev or ice.
BRANDS = {
    "比亚迪": [("汉", "ev", 21.98), ("唐DM-i", "phev", 20.98), ("宋PLUS", "phev", 15.98),
              ("秦PLUS", "phev", 9.98), ("海豹", "ev", 18.98), ("海豚", "ev", 11.68)],
    "吉利": [("星越L", "ice", 13.72), ("博越L", "ice", 11.57), ("银河L7", "phev", 13.87),
             ("帝豪", "ice", 6.99)],
    "极氪": [("001", "ev", 30.0), ("007", "ev", 20.99)],
    "特斯拉": [("Model 3", "ev", 23.19), ("Model Y", "ev", 26.39)],
    "理想": [("L7", "phev", 31.98), ("L8", "phev", 33.98), ("L9", "phev", 42.98)],
    "蔚来": [("ET5", "ev", 29.8), ("ES6", "ev", 33.8), ("ET7", "ev", 42.8)],
    "小鹏": [("G6", "ev", 20.99), ("P7", "ev", 22.39), ("G9", "ev", 26.39)],
    "长安": [("CS75 PLUS", "ice", 11.99), ("UNI-V", "ice", 10.89), ("深蓝SL03", "ev", 16.89),
             ("逸动", "ice", 7.89)],
    "奇瑞": [("瑞虎8", "ice", 10.29), ("艾瑞泽8", "ice", 10.19), ("星途瑶光", "ice", 16.59)],
    "长城": [("哈弗H6", "ice", 9.89), ("坦克300", "ice", 19.98), ("魏牌蓝山", "phev", 26.38)],
    "广汽埃安": [("AION S", "ev", 13.98), ("AION Y", "ev", 11.98)],
    "五菱": [("宏光MINIEV", "ev", 3.28), ("缤果", "ev", 5.98)],
    "零跑": [("C11", "ev", 15.58), ("C01", "ev", 18.38)],
    "大众": [("朗逸", "ice", 11.99), ("帕萨特", "ice", 18.19), ("ID.4 CROZZ", "ev", 19.99),
             ("途观L", "ice", 21.58)],
    "丰田": [("凯美瑞", "ice", 17.18), ("卡罗拉", "ice", 10.98), ("RAV4荣放", "ice", 17.58),
             ("bZ4X", "ev", 19.98)],
    "本田": [("雅阁", "ice", 16.98), ("思域", "ice", 12.99), ("CR-V", "ice", 18.59),
             ("e:NP1", "ev", 17.50)],
    "日产": [("轩逸", "ice", 9.98), ("天籁", "ice", 17.98)],
    "宝马": [("3系", "ice", 29.39), ("5系", "ice", 43.99), ("X3", "ice", 39.96), ("i3", "ev", 35.39)],
    "奔驰": [("C级", "ice", 32.52), ("E级", "ice", 44.98), ("GLC", "ice", 42.78), ("EQE", "ev", 47.8)],
    "奥迪": [("A4L", "ice", 32.18), ("A6L", "ice", 42.79), ("Q5L", "ice", 39.28),
             ("Q4 e-tron", "ev", 29.99)],
}
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "重庆", "武汉", "西安", "南京", "苏州",
          "天津", "长沙", "郑州", "合肥", "青岛", "沈阳", "昆明"]
RIVALS_WORDS = ["同级别车型", "合资竞品", "自主品牌竞品", "主流对手"]
TRIMS = ["标准版", "长续航版", "智驾版", "旗舰版", "尊享版", "运动版", "豪华版"]
CHARGERS = ["超充站", "换电站", "快充桩", "目的地充电桩"]
RACES = ["中国房车锦标赛", "珠海国际赛车场站", "环塔拉力赛", "上海F1大奖赛", "宁波国际赛道耐力赛"]
PARTS = ["机油", "机滤", "空滤", "刹车片", "火花塞", "变速箱油", "冷却液", "轮胎"]
MODS = ["轮毂", "包围", "排气", "绞牌", "避震", "拉花", "尾翼"]
POLICY_BODIES = ["工信部", "商务部", "国家发改委", "财政部", "多地政府"]
POSITIONS = ["总裁", "销售公司总经理", "首席技术官", "品牌负责人"]

# Each label: headline and sentence templates. Placeholders are filled from the document's car.
TOPICS = {
    "资讯::新车上市": (
        ["{brand}{model}正式上市", "全新{brand}{model}今日上市，{n_trims}款车型可选",
         "{brand}{model}{year}款上市发布会在{city}举行", "新款{model}来了！{brand}官宣正式上市"],
        ["新车共推出{n_trims}款配置，外观采用家族式设计语言。",
         "官方表示新车即日起在全国门店开启交付。",
         "新款{model}在内饰和智能座舱上进行了全面升级。",
         "{brand}此次上市的{model}主打年轻家庭用户。"]),
    "资讯::新车报价": (
        ["{brand}{model}售价{price}万元起", "{model}官方指导价公布：{price}-{price_hi}万元",
         "{brand}{model}报价出炉，{trim}售价{price_hi}万元"],
        ["新车官方指导价区间为{price}-{price_hi}万元。",
         "其中{trim}售价{price_hi}万元，限时优惠{discount}万元。",
         "{city}部分经销商已给出{discount}万元现金优惠，落地价约{price}万元。"]),
    "资讯::谍照": (
        ["{brand}全新{model}路试谍照曝光", "疑似{brand}新款{model}伪装车现身{city}",
         "{model}改款谍照流出，外观大改"],
        ["近日有网友在{city}街头拍到一辆覆盖伪装的测试车。",
         "从谍照来看，新车前脸和尾灯造型均有调整。",
         "据悉该车仍处于路试阶段，预计{month}月亮相。"]),
    "资讯::召回": (
        ["{brand}召回部分{model}，涉及{recall_n}辆", "国家市场监管总局：{brand}召回{recall_n}辆{model}"],
        ["本次召回范围内车辆因{part}存在缺陷，可能存在安全隐患。",
         "{brand}将为召回范围内的车辆免费检查并更换相关部件。"]),
    "评测::试驾": (
        ["试驾{brand}{model}：驾驶质感超出预期", "深度试驾{model}，{trim}值不值得买？",
         "{city}试驾{brand}{model}，真实感受来了"],
        ["本次试驾的是{trim}车型，底盘调校偏舒适。",
         "实际驾驶中转向手感清晰，高速行驶稳定性不错。",
         "试驾过程中百公里加速体感在{accel}秒左右。",
         "车内隔音表现良好，座椅包裹性也令人满意。"]),
    "评测::对比": (
        ["{brand}{model}对比{rival_brand}{rival_model}，谁更值得买？",
         "{model}和{rival_model}怎么选？一文看懂"],
        ["与{rival_brand}{rival_model}相比，{model}在空间和配置上更有优势。",
         "我们从动力、空间、油耗三个维度对比了两款车。",
         "相比{rival_words}，{model}的价格更有竞争力。"]),
    "用车::保养": (
        ["{model}首保怎么做？费用{cost}元", "{brand}{model}保养周期和费用一览",
         "冬季用车：{model}车主必看的保养建议"],
        ["首次保养需更换{part}和{part2}，工时费约{cost}元。",
         "官方建议每{km}公里进行一次常规保养。",
         "车主可在{brand}官方App预约保养服务。"]),
    "用车::改装": (
        ["{model}改装案例：换装{mod}后颜值大增", "{brand}{model}改装指南，{mod}怎么选"],
        ["车主为爱车加装了{mod}和{mod2}，整体风格更运动。",
         "改装需注意合法合规，{mod}改动需到车管所备案。"]),
    "用车::保险": (
        ["{model}车险一年多少钱？{city}车主实测", "新能源车险上涨，{model}车主怎么选保险"],
        ["第二年商业险报价约{cost}元，比首年略有下降。",
         "保险公司根据出险次数调整保费系数。"]),
    "行业::销量": (
        ["{month}月销量榜：{brand}{model}卖出{sales}辆", "{brand}{month}月销量同比增长{pct}%",
         "{month}月乘用车销量出炉，{model}跻身前十"],
        ["数据显示，{brand}{month}月销量达到{sales}辆，同比增长{pct}%。",
         "{model}当月交付{sales}辆，位列细分市场第{rank}名。",
         "乘联会数据显示，{month}月狭义乘用车零售同比增长{pct}%。"]),
    "行业::政策": (
        ["{policy_body}发布新规，新能源汽车购置税减免延续", "{city}出台汽车消费补贴政策",
         "{policy_body}：进一步稳定和扩大汽车消费"],
        ["政策明确对符合条件的新能源汽车免征车辆购置税。",
         "{city}将发放汽车消费券，单车最高补贴{subsidy}元。",
         "业内人士认为，新政将进一步提振汽车消费。"]),
    "行业::人事": (
        ["{brand}人事变动：{position}离职", "{brand}任命新任{position}"],
        ["{brand}官方确认原{position}因个人原因离职。",
         "新任{position}将全面负责品牌的营销和渠道工作。"]),
    "新能源::电池": (
        ["{brand}{model}电池技术解析", "{model}电池包揭秘，CLTC续航{range}公里",
         "{brand}发布新一代动力电池，能量密度提升{pct}%"],
        ["新车搭载容量为{kwh}kWh的磷酸铁锂电池组。",
         "电池包通过了针刺和挤压等安全测试。",
         "官方提供电池终身质保，CLTC续航里程为{range}公里。"]),
    "新能源::充电": (
        ["{brand}在{city}建成{n_stations}座{charger}", "{model}实测：{charger}充电30分钟能跑多远",
         "{brand}充电网络再扩容，覆盖{n_cities}座城市"],
        ["官方称在{charger}充电15分钟即可补能{range_part}公里。",
         "截至目前，{brand}已在全国建成{n_stations}座{charger}。",
         "实测从20%充至80%电量用时约{minutes}分钟。"]),
    "新能源::智能驾驶": (
        ["{brand}城市NOA开通{n_cities}城", "{model}智能驾驶实测：{city}早高峰表现如何"],
        ["城市领航辅助驾驶已在{city}等{n_cities}座城市开放。",
         "系统可以自动完成变道、绕行和路口通行。"]),
    "赛事::赛车": (
        ["{race}落幕，{brand}车队夺冠", "{brand}赛车亮相{race}"],
        ["比赛中{brand}车队凭借稳定发挥拿下年度总冠军。",
         "本届{race}吸引了{n_teams}支车队参赛。"]),
    "二手车::估值": (
        ["三年车龄{model}能卖多少钱？保值率排行", "{model}二手车行情：保值率{pct}%"],
        ["二手车平台数据显示，三年车龄的{model}保值率约为{pct}%。",
         "车况良好的{model}在{city}二手车市场成交价约{price}万元。"]),
}

# Primary-topic weights: they shape the long tail (several labels end under 1%).
PRIMARY_WEIGHTS = {
    "资讯::新车上市": 20, "资讯::谍照": 10, "资讯::新车报价": 6, "资讯::召回": 3,
    "评测::试驾": 14, "评测::对比": 7, "用车::保养": 8, "用车::改装": 2.5, "用车::保险": 1.2,
    "行业::销量": 12, "行业::政策": 5, "行业::人事": 0.6, "新能源::电池": 4, "新能源::充电": 4.5,
    "新能源::智能驾驶": 2.5, "赛事::赛车": 1.3, "二手车::估值": 0.7,
}

# (primary, secondary, probability, condition on the car's energy or None)
CO_OCCURRENCE = [
    ("资讯::新车上市", "资讯::新车报价", 0.6, None),
    ("资讯::新车上市", "新能源::电池", 0.35, "ev"),
    ("资讯::新车上市", "新能源::智能驾驶", 0.15, "ev"),
    ("资讯::谍照", "资讯::新车上市", 0.1, None),
    ("评测::试驾", "新能源::电池", 0.25, "ev"),
    ("评测::试驾", "新能源::充电", 0.2, "ev"),
    ("评测::试驾", "评测::对比", 0.15, None),
    ("评测::对比", "资讯::新车报价", 0.25, None),
    ("行业::销量", "行业::政策", 0.1, None),
    ("新能源::电池", "新能源::充电", 0.3, None),
    ("新能源::充电", "新能源::电池", 0.2, None),
    ("用车::保养", "用车::保险", 0.08, None),
    ("资讯::召回", "新能源::电池", 0.3, "ev"),
]

# Sentences that use another topic's words without being about it (no label).
DISTRACTORS = [
    "该车此前曾因召回事件引发关注，但此次{model}已解决相关问题。",
    "发布会后，{brand}还将在{city}组织媒体试驾活动。",
    "不少网友在评论区讨论它的价格是否合理。",
    "有车主调侃，这台车的颜值堪比改装车。",
    "厂家表示电池质保政策与老款保持一致。",
    "{brand}上月销量表现平平，市场期待这款新车扭转局面。",
    "对比老款车型，新车的变化主要集中在细节上。",
    "文中价格仅供参考，以当地经销商报价为准。",
]
FILLERS = [
    "更多细节我们将持续关注。", "{brand}官方表示将继续倾听用户反馈。", "感兴趣的朋友可以到店咨询。",
    "你怎么看？欢迎在评论区留言。", "以上信息来源于网络公开资料。",
]


def pick_car(rng, energy=None):
    """Return (brand, model, energy, price) with energy restricted when given."""
    pool = [(b, m, e, p) for b, models in BRANDS.items() for (m, e, p) in models
            if energy is None or e == energy or (energy == "ev" and e == "phev")]
    return rng.choice(pool)


def slots_for(rng, car):
    brand, model, energy, base = car
    rival = pick_car(rng)
    while rival[0] == brand:
        rival = pick_car(rng)
    price = round(base * rng.uniform(0.92, 1.05), 2)
    part, part2 = rng.sample(PARTS, 2)
    mod, mod2 = rng.sample(MODS, 2)
    return {
        "brand": brand, "model": model, "price": f"{price:.2f}",
        "price_hi": f"{price * rng.uniform(1.15, 1.45):.2f}", "trim": rng.choice(TRIMS),
        "n_trims": rng.randint(2, 6), "year": rng.choice([2024, 2025]), "city": rng.choice(CITIES),
        "discount": rng.choice(["0.5", "0.8", "1", "1.5", "2", "3"]), "month": rng.randint(1, 12),
        "recall_n": rng.choice([312, 1458, 5021, 12870, 36540, 108921]), "part": part, "part2": part2,
        "accel": rng.choice(["3.8", "4.5", "5.9", "6.9", "7.8", "8.5", "9.6"]),
        "rival_brand": rival[0], "rival_model": rival[1], "rival_words": rng.choice(RIVALS_WORDS),
        "cost": rng.choice([280, 350, 460, 580, 720, 980, 1350, 3200, 4600]),
        "km": rng.choice([5000, 7500, 10000, 15000]), "mod": mod, "mod2": mod2,
        "sales": rng.randint(1200, 48000), "pct": rng.randint(3, 86), "rank": rng.randint(1, 10),
        "policy_body": rng.choice(POLICY_BODIES), "subsidy": rng.choice([2000, 3000, 5000, 8000]),
        "position": rng.choice(POSITIONS), "range": rng.choice([420, 510, 605, 700, 820]),
        "kwh": rng.choice(["45.1", "60.5", "78.0", "85.4", "100.0"]),
        "n_stations": rng.randint(20, 2500), "charger": rng.choice(CHARGERS),
        "n_cities": rng.randint(10, 300), "range_part": rng.choice([150, 200, 260, 300]),
        "minutes": rng.randint(15, 45), "race": rng.choice(RACES), "n_teams": rng.randint(12, 40),
    }


def make_document(rng):
    primary = rng.choices(list(PRIMARY_WEIGHTS), weights=list(PRIMARY_WEIGHTS.values()))[0]
    labels = [primary]
    needs_ev = primary.startswith("新能源::")
    car = pick_car(rng, "ev" if needs_ev else None)
    for first, second, probability, energy in CO_OCCURRENCE:
        if first == primary and (energy is None or car[2] in ("ev", "phev")) and rng.random() < probability:
            labels.append(second)
    slots = slots_for(rng, car)

    headlines, sentences = TOPICS[primary]
    body = rng.sample(sentences, rng.randint(1, min(2, len(sentences))))
    for label in labels[1:]:
        body.append(rng.choice(TOPICS[label][1]))
    if rng.random() < 0.12:
        body.insert(rng.randrange(len(body) + 1), rng.choice(DISTRACTORS))
    if rng.random() < 0.3:
        body.append(rng.choice(FILLERS))
    text = rng.choice(headlines).format(**slots) + "。" + "".join(s.format(**slots) for s in body)

    # Annotation noise, as in real tagging work: an annotator sometimes misses a secondary label.
    if len(labels) > 1 and rng.random() < 0.05:
        labels.pop()
    return text, sorted(set(labels), key=labels.index)


def write_atomically(path, lines):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(lines)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    seen = set()
    totals = collections.Counter()
    for split, size in SPLITS:
        lines = []
        while len(lines) < size:
            text, labels = make_document(rng)
            if text in seen:
                continue
            seen.add(text)
            totals.update(labels)
            record = {"id": f"{split}-{len(lines) + 1:05d}", "text": text, "labels": labels}
            lines.append(json.dumps(record, ensure_ascii=False) + "\n")
        write_atomically(os.path.join(args.out, f"{split}.jsonl"), lines)
    documents = sum(size for _, size in SPLITS)
    for label, count in totals.most_common():
        print(f"{label}\t{count}\t{100.0 * count / documents:.2f}%", file=sys.stderr)


if __name__ == "__main__":
    main()
