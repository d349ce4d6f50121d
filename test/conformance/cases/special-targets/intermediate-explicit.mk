# case: .INTERMEDIATE makes an explicitly built file be deleted
all: final
final: mid
	@echo 'final from mid'
	@touch $@
mid:
	@echo 'making mid'
	@touch $@
.INTERMEDIATE: mid
