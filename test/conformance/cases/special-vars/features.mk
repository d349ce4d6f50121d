# case: .FEATURES lists the 4.3 features
all:
	@echo '$(.FEATURES)'
