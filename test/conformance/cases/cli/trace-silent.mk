# case: --trace echoes commands that @ or -s would hide
# run: --trace -s
# run: --trace
all: dep
	@echo all
	-@false
dep:
	@echo dep; \
	echo more
