# case: define with = is the same as without an operator
define A =
x$(B)
endef
B = y
all:
	@echo '$(A) $(flavor A)'
