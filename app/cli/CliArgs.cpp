#include "app/cli/CliArgs.h"

namespace tagbench::cli {

Result<CliArgs> CliArgs::parse(const std::vector<std::string>& args, const std::set<std::string>& valueFlags,
                               const std::set<std::string>& switchFlags)
{
    CliArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            parsed.m_positionals.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::string value;
        bool inlineValue = false;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inlineValue = true;
        }
        if (switchFlags.count(name)) {
            if (inlineValue) return Error{"option --" + name + " takes no value"};
            parsed.m_switches.insert(name);
        } else if (valueFlags.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) return Error{"option --" + name + " needs a value"};
                value = args[++i];
            }
            parsed.m_values[name] = value;
        } else {
            return Error{"unknown option --" + name};
        }
    }
    return parsed;
}

bool CliArgs::has(const std::string& flag) const { return m_switches.count(flag) || m_values.count(flag); }

std::string CliArgs::value(const std::string& flag, const std::string& fallback) const
{
    const auto it = m_values.find(flag);
    return it == m_values.end() ? fallback : it->second;
}

} // namespace tagbench::cli
