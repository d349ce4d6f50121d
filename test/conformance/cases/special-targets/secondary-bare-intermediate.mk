# case: a bare .SECONDARY: makes every file intermediate: a missing one is not remade for an up-to-date target
# sh: touch -d '2001-01-01' source; touch final
.SECONDARY:

final: intermediate
intermediate: source

final intermediate source: ; echo $< > $@
