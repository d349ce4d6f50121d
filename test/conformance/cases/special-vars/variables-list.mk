# case: .VARIABLES lists defined variables
MY_ONE = 1
MY_TWO := 2
define MY_THREE
3
endef
all:
	@echo '$(sort $(filter MY_%,$(.VARIABLES)))'
	@echo '$(sort $(filter CURDIR MAKEFLAGS .VARIABLES,$(.VARIABLES)))'
