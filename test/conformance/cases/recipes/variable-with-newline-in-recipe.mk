# case: a multi-line variable in a recipe gives several command lines
define TWO
echo first
echo second
endef
all:
	@$(TWO)
