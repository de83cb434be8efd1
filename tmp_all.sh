names=$(node --import tsx -e 'import("./test/mutants/catalogue.ts").then(m=>console.log(m.MUTANTS.map(x=>x.name).join(" ")))')
set -- $names; half=$(( ($# + 1) / 2 )); a="${@:1:$half}"; b="${@:$((half+1))}"
node --import tsx tmp_matrix.ts $a > /tmp/m1.log 2>&1 &
node --import tsx tmp_matrix.ts $b > /tmp/m2.log 2>&1
wait
cat /tmp/m1.log /tmp/m2.log > /tmp/matrix.log
