# case: .DEFAULT also applies to goals
# run: whatever
.DEFAULT:
	@echo 'default for $@'
