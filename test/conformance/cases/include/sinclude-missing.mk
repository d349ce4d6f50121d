# case: sinclude is -include
sinclude missing.mk other-missing.mk
all:
	@echo ok
