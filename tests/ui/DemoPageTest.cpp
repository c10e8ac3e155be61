// Train/Demo/Export pages: second GUI engineer
