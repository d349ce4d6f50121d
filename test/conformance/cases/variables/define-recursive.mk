# case: define without an operator makes a recursive multi-line variable
define A
one $(B)
two
endef
B = late
all:
	@echo '$(flavor A)'
	@printf '%s\n' '$(subst $(newline),|,$(A))'
define newline


endef
