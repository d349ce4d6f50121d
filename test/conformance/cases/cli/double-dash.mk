# case: -- ends options
# run: -- -weird
-weird:
	@echo 'made $@'
