# case: SUFFIXES holds the default suffix list
all:
	@echo '$(SUFFIXES)'
