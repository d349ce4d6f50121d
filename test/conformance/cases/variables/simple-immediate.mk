# case: := expands its value at once
B = early
A := [$(B)]
B = late
all:
	@echo '$(A) $(flavor A)'
