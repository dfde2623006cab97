# cost-quality.gp - training cost against the result on one benchmark.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder.
# Data columns: cost, result, "paper", basis (0 stated, 1 estimated).
# Every text drawn from the data comes from the data file.
set terminal svg size 900,600 dynamic noenhanced font 'sans,12' background '#ffffff'
set output @OUTPUT@
set encoding utf8
data = @DATA@
lower_is_better = @LOWER@
has_estimated = @ESTIMATED@

set title @TITLE@ font ',15'
set xlabel @XLABEL@
set ylabel @YLABEL@
set border 3 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics lc rgb '#e6e6e6' lw 1 dt 1
set key top right box lc rgb '#cccccc' opaque samplen 1 spacing 1.2

# Log axis with human tick labels: 1k, 10k, 1M, 1B.
hum(v) = v >= 1e12 ? sprintf('%gT', v/1e12) : v >= 1e9 ? sprintf('%gB', v/1e9) : \
	v >= 1e6 ? sprintf('%gM', v/1e6) : v >= 1e3 ? sprintf('%gk', v/1e3) : sprintf('%g', v)
set logscale x 10
set xtics ()
do for [e=-3:15] {
	set xtics add (hum(10.0**e) 10.0**e)
	do for [m=2:9] { set xtics add ('' m*10.0**e 1) }
}

stats data using 1:2 nooutput
set xrange [STATS_min_x/3:STATS_max_x*4]
dy = STATS_max_y - STATS_min_y
dy = dy > 0 ? dy : abs(STATS_max_y)/10 + 1
if (lower_is_better) {
	set yrange [STATS_max_y + 0.15*dy : STATS_min_y - 0.15*dy]
} else {
	set yrange [STATS_min_y - 0.15*dy : STATS_max_y + 0.15*dy]
}

colour(basis) = basis == 0 ? 0x0072B2 : 0xE69F00
shape(basis) = basis == 0 ? 7 : 6
plot data using 1:2:(shape($4)):(colour($4)) with points pt variable ps 1.5 lw 2 lc rgb variable notitle, \
	keyentry with points pt 7 ps 1.5 lc rgb '#0072B2' title @KEY_STATED@, \
	keyentry with points pt 6 ps 1.5 lw 2 lc rgb '#E69F00' title (has_estimated ? @KEY_ESTIMATED@ : ''), \
	data using 1:2:3 with labels left offset char 0.9,0.5 font ',10' tc rgb '#333333' notitle
