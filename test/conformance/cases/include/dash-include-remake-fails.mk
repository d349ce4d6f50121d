# case: failing to remake a -include file is not fatal
-include gen.mk
all:
	@echo 'reached [$(GEN)]'
gen.mk:
	@false
