# case: several goals, some up to date, tell it in their order
# sh: touch made
# run: made phony made2
# parallel: -j4
made: ; @echo never
made2: ; @sleep 0.2; echo made2
.PHONY: phony
phony: ; @:
