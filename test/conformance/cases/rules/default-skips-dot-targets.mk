# case: targets starting with a dot are not the default goal
.hidden:
	@echo hidden
visible:
	@echo visible
