# case: an included file includes another
include one.mk
all:
	@echo '$(ONE) $(TWO)'
--- one.mk
ONE = one
include two.mk
--- two.mk
TWO = two
