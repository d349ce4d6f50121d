# case: prefixes produced by a variable still count
Q = @
IGNORE = -
all:
	$(Q)echo hidden command
	$(IGNORE)$(Q)false
	@echo done
