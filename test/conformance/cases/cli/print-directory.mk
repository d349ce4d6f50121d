# case: -w prints entering and leaving lines
# run: -w
all:
	@echo working
