# case: $(flavor) for recursive, simple and undefined
R = x
S := x
all:
	@echo $(flavor R) $(flavor S) $(flavor NOPE) $(flavor CC) $(flavor MAKE)
