# case: backslash-newline inside a define body used as a recipe
define CMD
echo one \
two
endef
all:
	$(CMD)
