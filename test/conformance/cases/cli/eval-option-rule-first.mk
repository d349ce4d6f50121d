# case: a rule from --eval becomes the default goal
# run: --eval 'first: ; @echo from eval'
all:
	@echo all
