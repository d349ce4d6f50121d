# case: recipes see the final value of variables
all:
	@echo '$(X)'
X = final
