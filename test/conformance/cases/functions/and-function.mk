# case: and returns the last argument if all are non-empty
$(info [$(and a,b,c)] [$(and a,,c)] [$(and x)])
$(info [$(and a,$(info expanded)b)])
all: ; @:
