# case: file writes during recipe expansion, before the commands run
all:
	$(file > list.txt,$(sort c b a))
	@cat list.txt
