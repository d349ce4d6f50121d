# case: lib((entry)), a member named by a symbol, is refused while reading
$(info before)
all: lib((entry))
	@echo $^
$(info after)
