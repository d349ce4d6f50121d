# case: exported recursive variables are expanded for the environment
export MSG = value of $(OTHER)
OTHER = other
all:
	@echo "[$$MSG]"
