# case: file with a bad operation is an error
$(file foo,bar)
all: ; @:
