# case: $(error) during second expansion
.SECONDEXPANSION:
all: $$(error in second expansion)
	@echo never
