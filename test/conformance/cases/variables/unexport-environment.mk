# case: unexport removes an environment variable from recipes
# env: SECRET=shh
# env: KEEP=kept
unexport SECRET
all:
	@echo "[$$SECRET] [$$KEEP] [$(SECRET)]"
