# case: .VARIABLES drops undefined variables
MY_ONE = 1
MY_TWO = 2
undefine MY_ONE
all:
	@echo '$(filter MY_%,$(.VARIABLES))'
