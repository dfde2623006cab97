# ratios.gp - claimed improvement factors, grouped by dimension.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder.
# Data block 0: position (dimension number plus jitter), factor.
# Data block 1: dimension number, median factor, "dimension (claims)".
# Every text drawn from the data comes from the data file.
set terminal svg size 900,600 dynamic noenhanced font 'sans,12' background '#ffffff'
set output "ratios.svg"
set encoding utf8
data = "ratios.dat"
groups = 2

set title "Claimed improvement factors by dimension" font ',15'
set xlabel 'Dimension of the claim (number of claims)'
set ylabel 'Claimed factor, times better (log scale)'
set border 3 lc rgb '#444444'
set tics nomirror out
set xtics scale 0 rotate by -30 left
set grid ytics lc rgb '#e6e6e6' lw 1 dt 1
set key top right box lc rgb '#cccccc' opaque samplen 1 spacing 1.2

# Log axis with human tick labels: 1x, 10x, 1kx.
hum(v) = v >= 1e9 ? sprintf('%gB', v/1e9) : v >= 1e6 ? sprintf('%gM', v/1e6) : \
	v >= 1e3 ? sprintf('%gk', v/1e3) : sprintf('%g', v)
stats data index 0 using 2 nooutput name 'Y'
set yrange [Y_min/1.6:Y_max*1.6]
set logscale y 10
# Label 2 and 5 too (2×, 5×) when the factors span fewer than three decades.
fine = Y_max / Y_min < 1000
set ytics ()
do for [e=-1:12] {
	set ytics add (hum(10.0**e).'×' 10.0**e)
	do for [m=2:9] {
		if (fine && (m == 2 || m == 5)) {
			set ytics add (hum(m*10.0**e).'×' m*10.0**e)
		} else {
			set ytics add ('' m*10.0**e 1)
		}
	}
}
set xrange [0.4:groups + 0.6]

plot data index 0 using 1:2 with points pt 7 ps 1.2 lc rgb '#550072B2' title 'one claim', \
	data index 1 using ($1-0.32):2:(0.64):(0) with vectors nohead lw 3 lc rgb '#D55E00' title 'median', \
	data index 1 using 1:(NaN):xtic(3) notitle
