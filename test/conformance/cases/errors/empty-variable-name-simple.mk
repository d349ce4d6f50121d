# case: := without a name
:= value
