# params-tokens.gp - model size against training tokens, one point per paper.
# Written by effdash; redraw with "gnuplot NAME.gp" in this folder.
# Data columns: tokens, parameters, "paper".
# Every text drawn from the data comes from the data file.
set terminal svg size 900,600 dynamic noenhanced font 'sans,12' background '#ffffff'
set output "params-tokens.svg"
set encoding utf8
data = "params-tokens.dat"

set title "Model size against training tokens" font ',15'
set xlabel 'Training tokens (log scale)'
set ylabel 'Parameters (log scale)'
set border 3 lc rgb '#444444'
set tics nomirror out
set grid xtics ytics lc rgb '#e6e6e6' lw 1 dt 1
set key bottom right box lc rgb '#cccccc' opaque samplen 2 spacing 1.2

# Log axes with human tick labels: 1k, 10k, 1M, 1B, 1T.
hum(v) = v >= 1e12 ? sprintf('%gT', v/1e12) : v >= 1e9 ? sprintf('%gB', v/1e9) : \
	v >= 1e6 ? sprintf('%gM', v/1e6) : v >= 1e3 ? sprintf('%gk', v/1e3) : sprintf('%g', v)
stats data using 1 nooutput name 'X'
stats data using 2 nooutput name 'Y'
set logscale xy 10
# Label 2 and 5 too (200B, 500B) when the data span fewer than three decades.
fine_x = X_max / X_min < 1000
fine_y = Y_max / Y_min < 1000
set xtics ()
set ytics ()
do for [e=0:15] {
	set xtics add (hum(10.0**e) 10.0**e)
	set ytics add (hum(10.0**e) 10.0**e)
	do for [m=2:9] {
		if (fine_x && (m == 2 || m == 5)) {
			set xtics add (hum(m*10.0**e) m*10.0**e)
		} else {
			set xtics add ('' m*10.0**e 1)
		}
		if (fine_y && (m == 2 || m == 5)) {
			set ytics add (hum(m*10.0**e) m*10.0**e)
		} else {
			set ytics add ('' m*10.0**e 1)
		}
	}
}
set xrange [X_min/4:X_max*5]
set yrange [Y_min/4:Y_max*4]
set samples 200

plot data using 1:2 with points pt 7 ps 1.5 lc rgb '#009E73' title 'paper (own claims)', \
	x/20 with lines dt 2 lw 1.5 lc rgb '#888888' title 'Chinchilla rule of thumb: 20 tokens per parameter', \
	data using 1:2:3 with labels left offset char 0.9,0.5 font ',10' tc rgb '#333333' notitle
