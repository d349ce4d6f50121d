# case: .FEATURES lists the 4.3 features
# xfail: amake cannot load plugins (`load`), so it leaves `load` out of .FEATURES: makefiles that test for it skip it
all:
	@echo '$(.FEATURES)'
