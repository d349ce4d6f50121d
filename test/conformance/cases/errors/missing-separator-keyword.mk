# case: a directive keyword alone is a missing separator
override
