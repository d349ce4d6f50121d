# case: --trace with -B names the prerequisites, or says the target is missing when it has none
# sh: touch a b
# run: --trace -B a
# run: --trace -B b
a: b | c
	@echo a
b:
	@echo b
c:
	@echo c
