# case: automatic variables of a rule without prerequisites
all:
	@echo '[$<] [$^] [$+] [$?] [$|] [$*]'
