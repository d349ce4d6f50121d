# case: a target-specific value replaces an environment value
# env: X=env
all: X = target
all:
	@echo '$(X) '"$$X"
