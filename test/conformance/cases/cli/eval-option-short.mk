# case: -E is --eval
# run: -E 'EXTRA = extra'
all:
	@echo '$(EXTRA)'
