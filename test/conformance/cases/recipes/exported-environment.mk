# case: recipes receive exported and environment variables only
# env: FROMENV=env
export EXP = exported
LOCAL = local
all:
	@echo "[$$FROMENV] [$$EXP] [$$LOCAL]"
