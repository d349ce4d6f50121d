# case: a newer extra prerequisite remakes the target but is not in $?
# sh: touch -d '2001-01-01 00:00' out old
# sh: touch -d '2002-01-01 00:00' new
out: .EXTRA_PREREQS = new
out: old ; @echo 'remaking [$?] [$^]'
