# case: trailing blanks of a value are kept
# sh: printf 'X = a  \nall:\n\t@echo "[$(X)]"\n' > t.mk
# run: -f t.mk
