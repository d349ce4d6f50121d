# case: an assignment without a name
= value
