# case: firstword and lastword
$(info [$(firstword foo bar baz)] [$(firstword )] [$(firstword  x )])
$(info [$(lastword foo bar baz)] [$(lastword )] [$(lastword x)])
all: ; @:
