# case: eval inside foreach defines numbered variables
$(foreach n,1 2 3,$(eval V$(n) := value-$(n)))
all:
	@echo '$(V1) $(V2) $(V3)'
