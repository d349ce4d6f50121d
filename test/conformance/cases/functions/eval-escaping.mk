# case: eval expands its argument once more
X = one
$(eval Y = $(X))
$(eval Z = $$(X))
X = two
all:
	@echo '$(Y) $(Z)'
