# case: override assignments win over command-line values
# run: X=cmd Y=cmd
override X = file
Y = file
all:
	@echo '$(X) $(origin X) $(Y) $(origin Y)'
